import type { Direction } from '../../shared/protocol/model';

/**
 * What the published-figures file does not say about an indicator: whether a rise is good
 * news, and which field it belongs to. The wall colours a change by direction, so "down"
 * (a rise is bad news) must be right for prices, exits, deficits and accidents.
 */

const DOWN = new Set(['CPI_AVG', 'ENTERPRISES_EXITED']);
/** Flows whose rise is neither good nor bad on its own. */
const NEUTRAL = new Set(['IMPORTS', 'BUDGET_EXPENDITURE']);

export function directionOf(code: string): Direction {
  if (DOWN.has(code) || /^TRAFFIC_/.test(code) || /DEFICIT|INFLATION|UNEMPLOYMENT|POVERTY/.test(code)) return 'down';
  if (NEUTRAL.has(code)) return 'neutral';
  return 'up';
}

/**
 * Field of each indicator. NOTE: these labels are our provisional grouping, modelled on the
 * groups of the national statistical indicator system; check them against the annex of
 * Decision 293/QĐ-TTg before anyone relies on them. Unknown codes get no group.
 */
const GROUPS: ReadonlyArray<[RegExp, string]> = [
  [/^GDP_/, 'Tăng trưởng kinh tế'],
  [/^(CPI_|INFLATION)/, 'Giá cả, lạm phát'],
  [/^IIP_/, 'Công nghiệp'],
  [/^(RETAIL_|EXPORTS$|IMPORTS$|TRADE_)/, 'Thương mại, xuất nhập khẩu'],
  [/^(FDI_|PUBLIC_INVESTMENT_)/, 'Đầu tư'],
  [/^BUDGET_/, 'Tài chính, ngân sách nhà nước'],
  [/^ENTERPRISES_/, 'Doanh nghiệp'],
  [/^(SOCIAL_INSURANCE_|HEALTH_INSURANCE_)/, 'Lao động, việc làm, an sinh xã hội'],
  [/^TRAFFIC_/, 'Trật tự, an toàn giao thông'],
];

export function groupOf(code: string): string | undefined {
  return GROUPS.find(([pattern]) => pattern.test(code))?.[1];
}
