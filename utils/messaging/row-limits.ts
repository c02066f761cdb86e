/** How many rows of a list one message may look up, and register at once (a module of its own: the content script needs the numbers, not the schemas). */
export const MAX_ROWS = 200;
export const MAX_BATCH = 50;
