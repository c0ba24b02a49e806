/** Registers the backend on one IPC channel; `dispatchFromSender` decides who may call. */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Backend } from '../backend';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';
import { dispatchFromSender } from './dispatch';

export function registerIpc(backend: Backend, appContents: () => WebContents | null): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    const frame = event.senderFrame;
    const isMainFrame = frame !== null && event.sender === appContents() && frame === event.sender.mainFrame;
    return dispatchFromSender(backend, { url: frame?.url, isMainFrame }, method, input);
  });
  const unsubscribe = backend.subscribe((name, payload) => appContents()?.send(EVENT_CHANNEL, name, payload));
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    unsubscribe();
  };
}
