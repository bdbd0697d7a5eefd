import { useState, type JSX } from 'react';
import { routes } from '../../../../shared/api';
import { TEST_PATTERNS, type TestPatternName } from '../../../../shared/protocol/control';
import type { ApiClient } from '../../../api/client';
import { useT } from '../../i18n';

const PATTERN_LABELS: Record<TestPatternName, { vi: string; en: string }> = {
  'alignment-grid': { vi: 'Lưới căn chỉnh (đường thẳng qua viền)', en: 'Alignment grid (lines straight across bezels)' },
  checkerboard: { vi: 'Bàn cờ 1 điểm ảnh (co giãn)', en: '1-pixel checkerboard (scaling)' },
  'colour-bars': { vi: 'Dải màu (hiệu chỉnh màu)', en: 'Colour bars (calibration)' },
  'grey-ramp': { vi: 'Thang xám (hiệu chỉnh độ sáng)', en: 'Grey ramp (calibration)' },
  'text-ladder': { vi: 'Thang cỡ chữ ở khoảng cách xem', en: 'Text ladder at the viewing distance' },
};

/**
 * Identify and test patterns for the whole wall (POST/DELETE /api/v1/wall/identify, PUT/DELETE
 * /api/v1/wall/test-pattern): the technician checks the profile on the real screens from the
 * page that describes it. Each command is audited by the server.
 */
export function SetupCommands({ client, onError, onDone }: { client: ApiClient; onError(error: unknown): void; onDone(message: string): void }): JSX.Element {
  const t = useT();
  const [pattern, setPattern] = useState<TestPatternName>('alignment-grid');
  const run = (work: () => Promise<string>) => void work().then(onDone, onError);
  return (
    <section aria-label={t('Nhận diện và mẫu thử', 'Identify and test patterns')} className="setup-commands">
      <h2>{t('Kiểm tra trên tường thật', 'Check on the real wall')}</h2>
      <button type="button" onClick={() => run(async () => ((await client.call(routes.wall.identify, { body: { seconds: 30 } })), t('Mọi màn hình hiện mã của mình trong 30 giây.', 'Every screen shows its id for 30 seconds.')))}>
        {t('Nhận diện màn hình (30 giây)', 'Identify screens (30 s)')}
      </button>{' '}
      <button type="button" onClick={() => run(async () => ((await client.call(routes.wall.identifyStop, {})), t('Đã tắt nhận diện.', 'Identify dismissed.')))}>
        {t('Tắt nhận diện', 'Dismiss identify')}
      </button>
      <div className="pattern">
        <label>
          {t('Mẫu thử', 'Test pattern')}{' '}
          <select name="pattern" value={pattern} onChange={(e) => setPattern(e.target.value as TestPatternName)}>
            {TEST_PATTERNS.map((p) => (
              <option key={p} value={p}>
                {t(PATTERN_LABELS[p].vi, PATTERN_LABELS[p].en)}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="button" onClick={() => run(async () => ((await client.call(routes.wall.testPattern, { body: { pattern } })), t('Mẫu thử đang hiện trên cả tường.', 'The test pattern is on the whole wall.')))}>
          {t('Hiện mẫu thử', 'Show pattern')}
        </button>{' '}
        <button type="button" onClick={() => run(async () => ((await client.call(routes.wall.testPatternStop, {})), t('Tường trở lại bố cục.', 'The wall is back to its layout.')))}>
          {t('Tắt mẫu thử', 'Stop pattern')}
        </button>
      </div>
    </section>
  );
}
