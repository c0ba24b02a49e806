import { z } from 'zod';

/** Trimmed text of at most `max` characters. */
export const text = (max: number) => z.string().trim().max(max, { message: `must be at most ${max} characters` });

export const requiredText = (max: number) => text(max).min(1, { message: 'is required' });

export const recordId = z.string().uuid({ message: 'must be a record id' });
