// POST /api/v0/learning-instances/{li_id}/metrics/status-and-progress — status and progress of every registration, paged.
export { learningInstanceStatusRoute as POST } from "@/lib/api/knewton/status";
