import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguagePicker } from './LanguagePicker';

/** The centred card used by the create-vault and unlock screens. */
export function AuthCard({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="auth-screen">
      <header className="auth-header">
        <span className="brand">{t('app.name')}</span>
        <LanguagePicker />
      </header>
      <main className="auth-card">
        <h1>{title}</h1>
        <p className="auth-intro">{intro}</p>
        {children}
      </main>
    </div>
  );
}
