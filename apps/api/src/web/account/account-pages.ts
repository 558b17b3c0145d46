/** Where an account whose password an administrator set is sent until its owner changes it. */
export const CHANGE_PASSWORD_PAGE = '/account/password';
