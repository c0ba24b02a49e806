/** The top-level sections of the main screen, in the order the top bar shows them. */
export const navSections = ['cases', 'duplicates', 'aid', 'partners'] as const;
export type NavSection = (typeof navSections)[number];

/** What the main screen shows: a section, or settings and the pages opened from them. */
export type View = NavSection | 'settings' | 'audit';
