#!/usr/bin/env node
// `npx doctrail-analyze page.html [--url URL]`: what DocTrail sees on a page saved from a portal.
import { register } from 'tsx/esm/api';

register();
await import('../tools/analyze-cli.ts');
