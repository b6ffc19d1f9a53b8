import { DEMO_NOTE, demoUrl } from '../region';

/** A recommendation text, marked as invented. */
export const demoText = (text: string) => `${text} ${DEMO_NOTE}`;

/** A piece of evidence on the reserved demo domain. */
export const evidence = (title: string, path: string) => ({ title, url: demoUrl(path) });

/** The steering group's minutes, e.g. "LK 2014/1 TOP 3 (Demo)". */
export const lk = (session: string, top: number) => `LK ${session} TOP ${top} (Demo)`;
