/** Languages of the recruitment board. Each job ad is written in one; listings are per language. */
export const recruitmentLanguages = ['en', 'es', 'ro', 'ru', 'pl'] as const;
export type RecruitmentLanguage = (typeof recruitmentLanguages)[number];

export function isRecruitmentLanguage(value: string): value is RecruitmentLanguage {
  return (recruitmentLanguages as readonly string[]).includes(value);
}

export const languageNames: Record<RecruitmentLanguage, string> = {
  en: 'English',
  es: 'Español',
  ro: 'Română',
  ru: 'Русский',
  pl: 'Polski',
};
