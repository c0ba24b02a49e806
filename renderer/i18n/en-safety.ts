/** English: unlock attempts, duress passphrase, scheduled backups, evidence packages, copying. */
export const enSafety = {
  attempts: {
    wait_one: 'Too many wrong passphrases. The next try is possible in {{count, number}} second.',
    wait_other: 'Too many wrong passphrases. The next try is possible in {{count, number}} seconds.',
  },
  evidence: {
    heading: 'Evidence package',
    sectionIntro: 'The record, its attachments with their intake hashes and the audit chain, in one zip that anyone can check with sha256sum.',
    button: 'Evidence package…',
    title: 'Save an evidence package',
    intro: 'The package holds the case record (never its sources), every attachment exactly as taken in, their SHA-256 hashes, the audit entries for this case and the audit chain that proves them.',
    warning: 'A plain zip is NOT encrypted: anyone who finds the file can read the case. Give a passphrase to save it encrypted (age) instead, and pass the passphrase on separately.',
    passphrase: 'Package passphrase',
    passphraseHint: 'Optional. With it, the package is saved encrypted; the recipient opens it with age -d.',
    savePlain: 'Save unencrypted',
    saveEncrypted: 'Save encrypted',
    saving: 'Saving…',
    saved: 'Evidence package saved (not encrypted): {{path}}',
    savedEncrypted: 'Evidence package saved, encrypted: {{path}}',
    cancelled: 'Cancelled.',
  },
};
