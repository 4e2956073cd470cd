// POST /api/v0/registrations/{reg_id}/metrics/status-and-progress — status and progress of one registration.
export { registrationStatusRoute as POST } from "@/lib/api/knewton/status";
