/** Account utilities as the company's records spell them. */
export const UTILITY_LABELS: Record<string, string> = { gas: '燃气', heating: '供热', power: '电力' };

/** The labels a resident can give a bound account. */
export const ACCOUNT_LABELS = ['家', '父母家', '出租屋', '其他'] as const;
