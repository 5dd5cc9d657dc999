/** Bad arguments: the command's usage is printed after the message. Exit 2. */
export class UsageError extends Error {}

/** The run itself failed (unreadable input, refused output), as opposed to finding problems. Exit 2. */
export class RunError extends Error {}
