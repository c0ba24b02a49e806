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
      return context.write((tx) => addAttachment(tx, { caseId, fileName, mediaType, data }, author));
    },
    'attachments.get': ({ id }) => {
      const { meta, data } = getAttachment(orm(), id);
      return { meta, dataBase64: data.toString('base64') };
    },
    'attachments.save': async ({ id }) => {
      if (!context.platform.saveFile) throw new AppError('FORBIDDEN', 'This front end cannot write files.');
      const { meta, data } = getAttachment(orm(), id);
      const path = await context.platform.saveFile(meta.fileName, data);
      if (path) context.write(() => undefined, { entity: 'export', ids: [meta.id], before: null, after: { attachment: meta.sha256 } });
      return { path };
    },
  } satisfies Pick<Handlers, 'attachments.add' | 'attachments.get' | 'attachments.save'>;
}
