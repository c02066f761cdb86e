/**
 * Origins DocTrail runs on without being asked. Until portals can be enabled at run time,
 * this is only the local sample portal — never all sites.
 */
export const PRE_ENABLED_MATCHES = ['http://127.0.0.1/*', 'http://localhost/*'];
