import type { Handlers } from '../../shared/api';
import { MAX_ATTACHMENT_BYTES } from '../../shared/domain/cases';
import { AppError } from '../../shared/errors';
import { addAttachment, getAttachment } from '../../db/repositories/attachments';
import type { BackendContext } from '../context';
import { authorOf } from './author';

export function attachmentHandlers(context: BackendContext) {
  const orm = () => context.session.require().orm;
  return {
    'attachments.add': ({ caseId, fileName, mediaType, dataBase64 }) => {
      const data = Buffer.from(dataBase64, 'base64');
      if (data.length > MAX_ATTACHMENT_BYTES) throw new AppError('VALIDATION', 'dataBase64: is larger than 25 MiB');
      if (data.length === 0) throw new AppError('VALIDATION', 'dataBase64: the file is empty');
      const author = authorOf(context);
      return orm().transaction((tx) => addAttachment(tx, { caseId, fileName, mediaType, data }, author));
    },
    'attachments.get': ({ id }) => {
      const { meta, data } = getAttachment(orm(), id);
      return { meta, dataBase64: data.toString('base64') };
    },
  } satisfies Pick<Handlers, 'attachments.add' | 'attachments.get'>;
}
