import Link from 'next/link';

/** 404: an unknown page, or a site this user may not see. */
export default function NotFound() {
  return (
    <main className="app-main">
      <section className="panel">
        <h1>Not found</h1>
        <p>This page does not exist, or it belongs to a site you may not see.</p>
        <p>
          <Link href="/">Back to your sites</Link>
        </p>
      </section>
    </main>
  );
}
