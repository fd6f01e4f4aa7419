/** 考核列表: the assessments of this laptop, new and sample ones. What the rest of the app may use of it. */
export { AssessmentsPage } from './AssessmentsPage';
