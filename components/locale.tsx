"use client";

import { createContext, useContext, type ReactNode } from "react";
import { DEFAULT_LOCALE, formatsFor, type Formats } from "@/lib/dashboard/format";

const LocaleContext = createContext(DEFAULT_LOCALE);

/** The reader's locale, chosen on the server, so client components format as the server did. */
export function LocaleProvider({ locale, children }: { locale: string; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useFormats(): Formats {
  return formatsFor(useContext(LocaleContext));
}
