import type { z } from 'zod';
import { activityDocSchema } from '../../../cloudfunctions/_shared/repositories/activities';
import { attendanceDocSchema } from '../../../cloudfunctions/_shared/repositories/attendance';
import { auditRecordSchema } from '../../../cloudfunctions/_shared/repositories/audit-log';
import { bookingDocSchema } from '../../../cloudfunctions/_shared/repositories/bookings';
import { certificateDocSchema } from '../../../cloudfunctions/_shared/repositories/certificates';
import { complaintAlertDocSchema } from '../../../cloudfunctions/_shared/repositories/complaint-alerts';
import { complaintDocSchema } from '../../../cloudfunctions/_shared/repositories/complaints';
import { contractDocSchema } from '../../../cloudfunctions/_shared/repositories/contracts';
import { counterDocSchema } from '../../../cloudfunctions/_shared/repositories/counters';
import { doorHelperDocSchema } from '../../../cloudfunctions/_shared/repositories/door-helpers';
import { generatedFileDocSchema } from '../../../cloudfunctions/_shared/repositories/generated-files';
import { hourEntryDocSchema } from '../../../cloudfunctions/_shared/repositories/hour-entries';
import { indicatorJobDocSchema, rollupDocSchema } from '../../../cloudfunctions/_shared/repositories/indicator-rollups';
import { invitationDocSchema } from '../../../cloudfunctions/_shared/repositories/invitations';
import { manualCountDocSchema } from '../../../cloudfunctions/_shared/repositories/manual-counts';
import { privacyRequestDocSchema } from '../../../cloudfunctions/_shared/repositories/privacy-requests';
import { reminderDocSchema } from '../../../cloudfunctions/_shared/repositories/reminders';
import { requestDocSchema } from '../../../cloudfunctions/_shared/repositories/requests';
import { shiftSignUpDocSchema, shiftSlotDocSchema } from '../../../cloudfunctions/_shared/repositories/shifts';
import { stationDocSchema } from '../../../cloudfunctions/_shared/repositories/stations';
import { surveyAttachmentDocSchema } from '../../../cloudfunctions/_shared/repositories/survey-attachments';
import { surveyFormDocSchema } from '../../../cloudfunctions/_shared/repositories/survey-forms';
import { surveyResponseDocSchema } from '../../../cloudfunctions/_shared/repositories/survey-responses';
import { teamDocSchema, teamMemberDocSchema } from '../../../cloudfunctions/_shared/repositories/teams';
import { userDocSchema } from '../../../cloudfunctions/_shared/repositories/users';
import { visitMemberDocSchema } from '../../../cloudfunctions/_shared/repositories/visit-team';
import { volunteerAttendanceDocSchema } from '../../../cloudfunctions/_shared/repositories/volunteer-attendance';
import { volunteerDocSchema } from '../../../cloudfunctions/_shared/repositories/volunteers';
import { wishDocSchema } from '../../../cloudfunctions/_shared/repositories/wishes';
import { outboxDocSchema } from '../../../cloudfunctions/_shared/platform/local';

/**
 * Each collection's stored document schema, as the code that writes it declares it. The
 * data-field inventory (config/data-fields.json) must list exactly these fields.
 */
export const STORED_SCHEMAS: Record<string, z.ZodObject> = {
  stations: stationDocSchema,
  users: userDocSchema,
  invitations: invitationDocSchema,
  requests: requestDocSchema,
  outbox: outboxDocSchema,
  survey_forms: surveyFormDocSchema,
  survey_attachments: surveyAttachmentDocSchema,
  survey_responses: surveyResponseDocSchema,
  activities: activityDocSchema,
  bookings: bookingDocSchema,
  attendance: attendanceDocSchema,
  door_helpers: doorHelperDocSchema,
  reminders: reminderDocSchema,
  volunteers: volunteerDocSchema,
  teams: teamDocSchema,
  team_members: teamMemberDocSchema,
  shift_signups: shiftSignUpDocSchema,
  shift_slots: shiftSlotDocSchema,
  volunteer_attendance: volunteerAttendanceDocSchema,
  visit_team: visitMemberDocSchema,
  hour_entries: hourEntryDocSchema,
  certificates: certificateDocSchema,
  counters: counterDocSchema,
  complaints: complaintDocSchema,
  audit_log: auditRecordSchema,
  complaint_alerts: complaintAlertDocSchema,
  wishes: wishDocSchema,
  contracts: contractDocSchema,
  indicator_manual_counts: manualCountDocSchema,
  indicator_rollups: rollupDocSchema,
  indicator_jobs: indicatorJobDocSchema,
  privacy_requests: privacyRequestDocSchema,
  generated_files: generatedFileDocSchema,
};
