// The part of the chrome.* extension API this extension uses (no @types/chrome dependency).
declare namespace chrome {
  namespace runtime {
    const id: string;
    function sendMessage<T = unknown>(message: unknown): Promise<T>;
    const onMessage: { addListener(cb: (message: never, sender: { tab?: tabs.Tab }, reply: (answer: unknown) => void) => boolean | void): void };
  }
  namespace tabs {
    interface Tab { id?: number; url?: string; title?: string }
    function query(q: { active: boolean; currentWindow: boolean }): Promise<Tab[]>;
    function sendMessage<T = unknown>(tabId: number, message: unknown): Promise<T>;
    const onRemoved: { addListener(cb: (tabId: number) => void): void };
  }
  namespace action {
    function setBadgeText(d: { text: string; tabId?: number }): Promise<void>;
    function getBadgeText(d: { tabId?: number }): Promise<string>;
    function setBadgeBackgroundColor(d: { color: string; tabId?: number }): Promise<void>;
    function setTitle(d: { title: string; tabId?: number }): Promise<void>;
  }
  namespace storage {
    const local: { get(keys: string[] | string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  }
  namespace alarms {
    function create(name: string, info: { periodInMinutes: number }): void;
    const onAlarm: { addListener(cb: (alarm: { name: string }) => void): void };
  }
}
