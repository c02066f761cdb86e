import type { Detection } from './detect-document';
import type { DocumentDraft } from './document-schema';

/** The register entry a detected document page proposes, or null when the page holds no single document. */
export function draftFromDetection(detection: Detection, url: string): DocumentDraft | null {
  if (detection.kind === 'none' || detection.kind === 'list' || !detection.fields.title) return null;
  return { ...detection.fields, title: detection.fields.title.slice(0, 500), sourceUrl: url };
}
