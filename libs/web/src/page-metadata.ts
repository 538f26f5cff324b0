export const PUBLIC_PAGE = 'mash:publicPage';
export const PAGE_ROLES = 'mash:pageRoles';
