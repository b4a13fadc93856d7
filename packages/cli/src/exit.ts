/** Exit statuses of the `kyso` command (DESIGN.md). */
export const EXIT = { ok: 0, invalid: 1, usage: 2, indeterminate: 3 } as const;
