/** Which year a new assessment is for: a team assesses a year after it ends, so in January–March it is the year before. */

/** The last month (1–12) in which a new assessment defaults to the year before. */
export const LAST_MONTH_FOR_YEAR_BEFORE = 3;

export function assessedYear(today: Date): number {
  const year = today.getFullYear();
  return today.getMonth() + 1 <= LAST_MONTH_FOR_YEAR_BEFORE ? year - 1 : year;
}

export const ASSESSED_YEAR_HINT = `1—${LAST_MONTH_FOR_YEAR_BEFORE}月新建时默认为上一年度（年初考核上一年），其余月份默认为本年度`;
