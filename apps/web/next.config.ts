import type { NextConfig } from 'next';

/** Next config for the SafeTwin web app: standard server output, the protocol package compiled from source. */
const nextConfig: NextConfig = {
  transpilePackages: ['@safetwin/protocol'],
  // `next dev` blocks its HMR endpoints for origins other than localhost; the wall is often opened as 127.0.0.1.
  allowedDevOrigins: ['127.0.0.1'],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
