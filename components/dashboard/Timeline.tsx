import type { EventRecord } from '@/utils/documents/document-schema';
import { useEnv } from './env';
import { formatTime } from './format';
import { describeDetails, isEventType } from './labels';

/** The document's events in the order they were logged, each with its place in the chain. */
export function Timeline({ events }: { events: EventRecord[] }) {
  const { t } = useEnv();
  const ordered = [...events].sort((a, b) => a.sequence - b.sequence);
  return (
    <section class="timeline-section" data-testid="timeline">
      <h2>{t('timeline.heading')}</h2>
      {ordered.length === 0 ? (
        <p class="muted">{t('timeline.empty')}</p>
      ) : (
        <ol class="timeline">
          {ordered.map((event) => (
            <li key={event.sequence} class={`event event-${event.type}`} data-type={event.type}>
              <time>{formatTime(event.timestamp)}</time>
              <span class="event-type">{isEventType(event.type) ? t(`event.${event.type}`) : event.type}</span>
              <span class="event-details">
                {describeDetails(event.details, t, event.type).map(([label, value]) => (
                  <span key={label} class="detail">
                    {t('detail.pair', { label, value })}
                  </span>
                ))}
              </span>
              <span class="chain-ref">
                {t('timeline.sequence', { sequence: event.sequence })} · {t('timeline.hash')} <code title={event.hash}>{event.hash.slice(0, 8)}</code>
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
