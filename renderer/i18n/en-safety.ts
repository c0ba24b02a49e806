/** English: unlock attempts, duress passphrase, scheduled backups, evidence packages, copying. */
export const enSafety = {
  attempts: {
    wait_one: 'Too many wrong passphrases. The next try is possible in {{count, number}} second.',
    wait_other: 'Too many wrong passphrases. The next try is possible in {{count, number}} seconds.',
  },
};
