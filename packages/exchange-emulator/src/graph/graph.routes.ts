import { calendarRoutes } from '../calendar/calendar.routes.ts';
import { contactRoutes } from '../contacts/contacts.routes.ts';
import { userRoutes } from '../directory/users.routes.ts';
import { mailRoutes } from '../mail/mail.routes.ts';
import { subscriptionRoutes } from '../notifications/subscriptions.routes.ts';
import { todoRoutes } from '../todo/todo.routes.ts';
import type { RouteTable } from './graph-route.ts';

/** Every Graph route the emulator serves; within a table, literal segments (`delta`) come before `:id`. */
export const GRAPH_ROUTES: RouteTable = [
  ...userRoutes,
  ...mailRoutes,
  ...calendarRoutes,
  ...contactRoutes,
  ...todoRoutes,
  ...subscriptionRoutes,
];
