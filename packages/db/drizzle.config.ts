import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate` writes SQL migrations to ./drizzle from src/schema.ts and the
// feature schemas src/schema-*.ts.
// Migrations are applied at hub start by migrate.ts (PGlite and PostgreSQL alike).
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/schema.ts', './src/schema-*.ts'],
  out: './drizzle',
});
