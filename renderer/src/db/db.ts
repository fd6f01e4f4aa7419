/** The app's one database instance (tests make their own with `new ShuangpingDb(name)`). */
import { ShuangpingDb } from './schema';

export const db = new ShuangpingDb();
