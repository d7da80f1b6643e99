import { displayText } from '../../../lib/display-text.ts';
import { useSession } from '../api/get-session.ts';
import './session.css';

/** The signed-in identity from the verified IAP assertion, for the header. */
export function SessionBadge() {
  const session = useSession().data;
  if (!session) return null;
  if (session.email) {
    return (
      <span className="session-badge" title={`Signed in through IAP as ${displayText(session.email)}`}>
        {displayText(session.email)}
      </span>
    );
  }
  return (
    <span className="session-badge session-badge--off">
      {session.mode === 'local' ? 'local demo · no sign-in' : 'sign-in disabled'}
    </span>
  );
}

/** Said loudly when the IAP gate was turned off on purpose (RUNMAP_AUTH=disabled). */
export function AuthDisabledBanner() {
  const session = useSession().data;
  if (session?.mode !== 'disabled') return null;
  return (
    <div className="auth-banner" role="alert">
      <strong>Sign-in is disabled</strong> (RUNMAP_AUTH=disabled): anyone who can reach this server sees the
      estate. Put it behind Identity-Aware Proxy and set RUNMAP_IAP_AUDIENCE.
    </div>
  );
}
