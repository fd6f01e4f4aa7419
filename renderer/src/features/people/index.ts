/** 奖惩 and the person page: people across years and what follows the review meeting. What the rest of the app may use of it. */
export { AwardsPage } from './AwardsPage';
export { PersonPage } from './PersonPage';
export { CarriedList } from './CarriedList';
