import { graphql } from '../gql';

export const Me = graphql(`
  query Me {
    me {
      id
      name
      role
      phone
      secondFactorEnabled
      region {
        code
        name
        fullName
        level
      }
    }
  }
`);

/** The villages (and townships) a staff member may pick: their region and two levels below it. */
export const RegionTree = graphql(`
  query RegionTree($code: String!) {
    region(code: $code) {
      code
      name
      fullName
      level
      children {
        code
        name
        fullName
        level
        children {
          code
          name
          fullName
          level
        }
      }
    }
  }
`);

export const SupportGroups = graphql(`
  query SupportGroups($regionCode: String) {
    supportGroups(regionCode: $regionCode) {
      code
      name
    }
  }
`);
