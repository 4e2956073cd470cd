// POST /api/ispring/api/v3/token — an API key's id and secret (form-encoded) for a 30-minute access token.
export { tokenRoute as POST } from "@/lib/api/ispring/token";
