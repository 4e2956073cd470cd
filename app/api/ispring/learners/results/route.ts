// GET /api/ispring/learners/results — one result per enrollment, filtered, keyset-paged; XML or JSON.
export { resultsRoute as GET } from "@/lib/api/ispring/results";
