/** The kit's version, recorded with each tag it defines so a colliding copy can be named in the warning. */
export const VERSION = '0.1.0';
