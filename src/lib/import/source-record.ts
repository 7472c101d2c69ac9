// Another status page's history as read from its own files, before it becomes aftermath files: what each reader
// (Statuspage dump, cState site) produces and the planner (import-plan.ts) turns into incidents, services and windows.
import type { IncidentStatus } from '../../schemas/incident.ts';
import type { MaintenanceStatus } from '../../schemas/maintenance.ts';
import type { ImpactLevel } from '../../schemas/primitives.ts';
import type { StatuspageImpact } from '../api/statuspage-mapping.ts';

export type SourceKind = 'statuspage' | 'cstate';

/** One line of the import's report: something the source says that aftermath does not keep, or keeps changed. */
export interface ImportNote {
  /** Where in the source: `incidents.json: "Login failures" (p31zjtct2jer)`, `content/issues/a.md`. */
  where: string;
  /** `not imported`: left out; `changed`: kept in another form; `assumed`: a value the source does not have. */
  kind: 'not imported' | 'changed' | 'assumed';
  what: string;
}

export interface SourceGroup {
  /** The source's own key for the group (a Statuspage component id, a cState category name). */
  key: string;
  name: string;
  description?: string;
}

export interface SourceService {
  /** The source's own key for the service (a Statuspage component id, a cState system name). */
  key: string;
  name: string;
  groupKey?: string;
  description?: string;
  /** The day the source's record of the service begins (`YYYY-MM-DD`), when it says. */
  since?: string;
  /** Listed on the status page only while impaired (Statuspage's only_show_if_degraded). */
  showOnlyWhenImpaired?: boolean;
}

export interface SourceWindow {
  startMs: number;
  /** Absent: to the incident's resolution. */
  endMs?: number;
}

export interface SourceAffected {
  serviceKey: string;
  impact: ImpactLevel;
  /** When the source says when this service was impaired; absent: for the whole incident. */
  windows?: SourceWindow[];
}

export interface SourceUpdate {
  /** Absent when the source gives no time for it (a cState update without a `track` shortcode). */
  atMs?: number;
  /** Absent when the source's label is not a status (cState's "Update"): the previous status carries on. */
  status?: IncidentStatus;
  /** The source's own word for the status, for the report. */
  label: string;
  message: string;
}

export interface SourceIncident {
  /** Kept in the file as `importedFrom:`, so importing again recognises it. */
  source: string;
  where: string;
  title: string;
  /** The source's own severity word (`major`, `down`), which `--severity` maps to a level. */
  severityWord: string;
  /** The same in Statuspage's words, for the default level (content/severity.yaml's statuspageImpact). */
  impact: StatuspageImpact;
  startedMs: number;
  detectedMs?: number;
  /** When the source says the incident ended; absent on an open incident. */
  resolvedMs?: number;
  affected: SourceAffected[];
  /** Oldest first. */
  updates: SourceUpdate[];
  /** Markdown shown above the timeline (cState's text outside its updates, say); may be empty. */
  body: string;
  /**
   * cState's front matter (date, resolvedWhen) is what it shows and counts as downtime, and its update times are
   * free text that may contradict it: updates outside that frame are moved into it. Statuspage's times are the
   * record itself: nothing is moved, the incident spans its updates.
   */
  updateTimes: 'within front matter' | 'as recorded';
}

export interface SourceMaintenance {
  source: string;
  where: string;
  title: string;
  startMs: number;
  endMs: number;
  serviceKeys: string[];
  notes: string;
  cancelled: boolean;
  /** Updates posted to the window, oldest first. */
  updates: { atMs: number; status: MaintenanceStatus; label: string; message: string }[];
}

export interface SourceRecord {
  kind: SourceKind;
  /** The source's name for the site, its address and its time zone, for a new site's settings. */
  siteName?: string;
  baseUrl?: string;
  timeZone?: string;
  groups: SourceGroup[];
  services: SourceService[];
  incidents: SourceIncident[];
  maintenance: SourceMaintenance[];
  /** Incidents and windows the reader could not read as such (cState's informational posts, say), each in the notes. */
  leftOut: { incidents: number; maintenance: number };
  notes: ImportNote[];
}
