/** A change to an Outlook item, as change notifications see it. */
export interface ChangeEvent {
  userId: string;
  resource: 'message' | 'event' | 'contact' | 'todoTask';
  changeType: 'created' | 'updated' | 'deleted';
  id: string;
  immutableId: string;
  /** Folder, calendar or to-do list that holds the item. */
  containerId: string;
  changeKey: string;
}

export type ChangeListener = (event: ChangeEvent) => void;
