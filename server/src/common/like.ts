/** `%text%` for `LIKE … ESCAPE '!'` ('!' escapes the wildcards: a backslash would itself need escaping in MariaDB's literals). */
export const likeFragment = (text: string): string => `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
