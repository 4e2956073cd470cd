import { headers } from "next/headers";
import { cache } from "react";
import { formatsFor, localeFrom, type Formats } from "@/lib/dashboard/format";

/** The reader's locale from the request's Accept-Language (once per request). */
export const requestLocale = cache(async (): Promise<string> => localeFrom((await headers()).get("accept-language")));

export async function requestFormats(): Promise<Formats> {
  return formatsFor(await requestLocale());
}
