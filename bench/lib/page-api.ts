// What the bench page (page/main.ts) exposes as `window.bench` for the puppeteer scripts.
export interface WidgetTimes {
  /** performance.now() when the first rows were in the widget's shadow DOM. */
  firstRowsAt?: number;
  /** responseEnd of the last Graph response that had finished by then. */
  dataAt?: number;
}

export interface BenchApi {
  times: Record<string, WidgetTimes>;
  interactive(): boolean;
  rows(tag: string): number;
  domRows(tag: string): number;
  loaded(tag: string, field: string): { items: number; hasMore: boolean; busy: boolean };
  scrollToEnd(tag: string): void;
  typeInFilter(text: string, gap: number): Promise<number[]>;
}

declare global {
  interface Window {
    bench: BenchApi;
  }
}
