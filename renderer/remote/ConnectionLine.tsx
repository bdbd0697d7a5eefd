import { formatDateTime } from '../../shared/format/date';
import { isConnected } from '../store/wallStore';
import { useWall } from '../store/context';
import { text, type Lang } from './text';

/** Whether the remote hears the server, and when it last told where the run is (the age of what is shown). */
export function ConnectionLine({ lang, runAt, heard }: { lang: Lang; runAt: number | null; heard: boolean }) {
  const connection = useWall((s) => s.connection);
  const up = isConnected(connection) && heard;
  const at = runAt === null ? null : formatDateTime(new Date(runAt)).slice(11);
  return (
    <p className={up ? 'remote-conn remote-conn--up' : 'remote-conn remote-conn--down'} role="status" data-testid="connection" data-connected={up ? 'true' : 'false'}>
      <span aria-hidden="true">{up ? '●' : '○'}</span> {up ? text.connected[lang] : text.reconnecting[lang]}
      {at ? ` · ${text.stateAt[lang]} ${at}` : ''}
    </p>
  );
}
