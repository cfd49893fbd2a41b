import { logoutAction } from '../lib/auth-actions.ts';

/** "Log out" as a form posting to the logout server action (works without JavaScript). */
export function LogoutButton() {
  return (
    <form action={logoutAction}>
      <button type="submit" className="button button--quiet">
        Log out
      </button>
    </form>
  );
}
