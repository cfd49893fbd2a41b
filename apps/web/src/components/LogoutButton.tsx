import { logoutAction } from '../lib/auth-actions.ts';

/** "Log out" as a form posting to the logout server action (works without JavaScript). */
export function LogoutButton({ label }: { label: string }) {
  return (
    <form action={logoutAction}>
      <button type="submit" className="button button--quiet">
        {label}
      </button>
    </form>
  );
}
