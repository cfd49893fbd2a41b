import type { NextConfig } from 'next';

/** Next config for the SafeTwin web app: standard server output, the protocol package compiled from source. */
const nextConfig: NextConfig = {
  transpilePackages: ['@safetwin/protocol', '@safetwin/twin-models', '@safetwin/sim', '@safetwin/simulator'],
  // `next dev` blocks its HMR endpoints for origins other than localhost; the wall is often opened as 127.0.0.1.
  allowedDevOrigins: ['127.0.0.1'],
  // The build type-checks the app only; tests (which import the hub) are checked by `npm run typecheck`.
  typescript: { tsconfigPath: 'tsconfig.build.json' },
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
