/**
 * Modes of everything the server creates under DATA_DIR: the outbox holds live reset links, the
 * store holds password hashes and sessions, so only the server's own user may read them.
 */
export const PRIVATE_DIRECTORY_MODE = 0o700;
/** See {@link PRIVATE_DIRECTORY_MODE}. */
export const PRIVATE_FILE_MODE = 0o600;
/** The umask the server process runs with, so files made by libraries (the embedded store) are private too. */
export const PRIVATE_UMASK = 0o077;
