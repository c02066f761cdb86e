/**
 * The messages about portals' site profiles (issue #7), spread into `requestSchema` and `responseDataSchemas` in
 * protocol.ts. Profiles arriving from a page or a file are validated here, in the background, so the content
 * script never carries zod.
 */
import { FIELD_KEYS } from '../page-analysis/vocabulary';
import { PROFILE_HEALTH, profileEntrySchema } from '../register/profile-store';
import { learnedCandidateSchema, learnedRuleSchema } from '../register/learned-rules';
import { LEARNABLE_FIELDS } from '../site-profiles/learn-location';
import { CANDIDATE_STRATEGIES, siteProfileSchema } from '../site-profiles/profile-schema';
import { z } from '../zod';
import { webUrlSchema } from '../documents/document-schema';

const profileId = z.string().min(1).max(64);
const teachCandidate = z.strictObject({
  strategy: z.enum(CANDIDATE_STRATEGIES),
  selector: z.string().max(500).optional(),
  label: z.string().max(40).optional(),
  attribute: z.string().max(60).optional(),
  valuePattern: z.string().max(200).optional(),
});

/** What the picker's frames tell each other; `picked` goes to the toolbar's frame, the others to every frame. */
export const teachMessageSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('field'), field: z.enum(FIELD_KEYS) }),
  z.strictObject({ kind: z.literal('stop') }),
  z.strictObject({
    kind: z.literal('picked'),
    field: z.enum(FIELD_KEYS),
    value: z.string().max(500),
    raw: z.string().max(500),
    url: webUrlSchema(4000),
    where: z.string().max(300),
    candidates: z.array(teachCandidate).min(1).max(8),
  }),
]);
export type TeachMessage = z.infer<typeof teachMessageSchema>;

const pageUrl = webUrlSchema(4000);

export const profileRequests = [
  /** Every profile with its state, for the dashboard. */
  z.strictObject({ type: z.literal('profiles.list') }),
  /** The profiles a content script applies on its page (matching, switched on, the clerk's own first). */
  z.strictObject({ type: z.literal('profiles.forUrl'), url: pageUrl }),
  /** Adds or replaces the clerk's profiles (taught on a page, or imported from a file). */
  z.strictObject({ type: z.literal('profiles.save'), profiles: z.array(siteProfileSchema).min(1).max(200) }),
  z.strictObject({ type: z.literal('profiles.remove'), id: profileId }),
  z.strictObject({ type: z.literal('profiles.toggle'), id: profileId, off: z.boolean() }),
  /** A content script's finding: the profile read the page it should read (ok), part of it, or nothing (broken). */
  z.strictObject({
    type: z.literal('profiles.reportHealth'),
    id: profileId,
    health: z.enum(PROFILE_HEALTH),
    url: pageUrl,
    missing: z.array(z.enum(FIELD_KEYS)).max(20),
  }),
  /**
   * 教我识别's 保存 in the page only PROPOSES the profile: the background keeps it and opens an extension page where the
   * clerk reads it and saves it (with `profiles.save`) — a page cannot confirm a profile it drove the picker to.
   */
  z.strictObject({ type: z.literal('profiles.propose'), profiles: z.array(siteProfileSchema).length(1) }),
  /** The extension page reads the proposal it was opened for (and the digest of what it shows). */
  z.strictObject({ type: z.literal('profiles.proposal'), id: z.string().min(1).max(64) }),
  /**
   * The clerk's 保存 on that page: the proposal's id and the digest of what was shown. The background saves its own
   * copy, only if it is still the open proposal, unchanged, and has stood long enough to be read (proposals.ts).
   */
  z.strictObject({ type: z.literal('profiles.confirmProposal'), id: z.string().min(1).max(64), digest: z.string().regex(/^[0-9a-f]{64}$/) }),
  /**
   * 记住此位置: after 登记, the clerk agreed (a trusted click in the overlay) to remember where a value they corrected
   * stands on the page. Only for the sender's own page and a document registered from its origin; the background
   * checks the rule as an imported profile's and records the document it came from (from the register, not the page).
   */
  z.strictObject({
    type: z.literal('profiles.learn'),
    url: pageUrl,
    field: z.enum(LEARNABLE_FIELDS),
    value: z.string().trim().min(1).max(500),
    candidate: learnedCandidateSchema,
    docId: z.string().min(1).max(100),
  }),
  /** The dashboard's switch for one learned rule. */
  z.strictObject({ type: z.literal('profiles.learnedToggle'), id: z.string().min(1).max(80), off: z.boolean() }),
  /** 教我识别 from the overlay: the background starts the picker in every frame of the sender's tab. */
  z.strictObject({ type: z.literal('teach.start') }),
  /** Between the picker's frames of one tab: the toolbar (top frame) and the frame where the clerk points. */
  z.strictObject({ type: z.literal('teach.relay'), message: teachMessageSchema }),
] as const;

export const profileResponses = {
  'profiles.list': z.strictObject({ profiles: z.array(profileEntrySchema), learned: z.array(learnedRuleSchema) }),
  'profiles.forUrl': z.strictObject({ profiles: z.array(siteProfileSchema) }),
  'profiles.save': z.strictObject({ saved: z.array(z.string()) }),
  'profiles.remove': z.strictObject({ removed: z.boolean() }),
  'profiles.toggle': z.strictObject({ id: z.string(), off: z.boolean() }),
  'profiles.reportHealth': z.strictObject({ changed: z.boolean() }),
  'profiles.propose': z.strictObject({ opened: z.boolean() }),
  'profiles.learn': z.strictObject({ profileId: z.string(), ruleId: z.string() }),
  'profiles.learnedToggle': z.strictObject({ id: z.string(), off: z.boolean() }),
  'profiles.proposal': z.strictObject({ profile: siteProfileSchema.nullable(), digest: z.string().nullable() }),
  'profiles.confirmProposal': z.strictObject({ saved: z.array(z.string()) }),
  'teach.start': z.strictObject({ started: z.boolean() }),
  'teach.relay': z.strictObject({ delivered: z.boolean() }),
};
