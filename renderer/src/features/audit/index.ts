/** 审计: the audit log, checked, with the values a change replaced. What the rest of the app may use of it. */
export { AuditPage } from './AuditPage';
