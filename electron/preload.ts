/**
 * Runs sandboxed, before the page: exposes exactly `window.caseboard.invoke` and `window.caseboard.on`.
 * No Node, no ipcRenderer, no Electron object reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CaseboardBridge } from '../shared/api';
import { eventNames, type EventName, type Events } from '../shared/events';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './channels';

const EVENTS: readonly string[] = eventNames;

const bridge: CaseboardBridge = {
  invoke: (method, input) => ipcRenderer.invoke(INVOKE_CHANNEL, String(method), input),
  on: <E extends EventName>(event: E, listener: (payload: Events[E]) => void) => {
    if (!EVENTS.includes(event)) throw new Error(`Unknown event ${String(event)}`);
    const handler = (_: IpcRendererEvent, name: string, payload: Events[E]) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('caseboard', bridge);
